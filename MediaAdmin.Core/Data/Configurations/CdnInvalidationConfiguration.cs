using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.Purge;
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
        invalidation.Property(i => i.RefreshedByUserId).HasMaxLength(450);
        invalidation.Property(i => i.RefreshedReason).HasMaxLength(1000);
        invalidation.Property(i => i.PurgeError).HasMaxLength(4000);
        invalidation.Property(i => i.PurgeWaitReason).HasMaxLength(1000);
        invalidation.HasIndex(i => new { i.RefreshedAtUtc, i.DeletedAtUtc });
        invalidation.HasIndex(i => new { i.PurgeState, i.NextPurgeAtUtc });
        invalidation.HasMany<CdnPurgeUrl>().WithOne().HasForeignKey(u => u.InvalidationId).OnDelete(DeleteBehavior.Cascade);
    }
}
