using MediaAdmin.Core.Cdn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class CdnInvalidationConfiguration : IEntityTypeConfiguration<CdnInvalidation>
{
    public void Configure(EntityTypeBuilder<CdnInvalidation> invalidation)
    {
        invalidation.HasKey(i => i.Id);
        invalidation.Property(i => i.RequestId).HasMaxLength(36).IsUnicode(false);
        invalidation.Property(i => i.DeletedByUserId).HasMaxLength(450);
        invalidation.Property(i => i.DeletedByName).HasMaxLength(256);
        invalidation.Property(i => i.VideoIds).HasMaxLength(20 * 33);
        invalidation.Property(i => i.RefreshedByName).HasMaxLength(256);
        invalidation.HasIndex(i => i.RequestId).IsUnique();
        invalidation.HasIndex(i => new { i.RefreshedAtUtc, i.DeletedAtUtc });
    }
}
