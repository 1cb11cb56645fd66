using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Library;
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
        invalidation.Property(i => i.RefreshedByName).HasMaxLength(256);
        invalidation.HasMany(i => i.Urls).WithOne().HasForeignKey(u => u.InvalidationId).OnDelete(DeleteBehavior.Cascade);
        invalidation.HasIndex(i => i.RequestId).IsUnique();
        invalidation.HasIndex(i => new { i.RefreshedAtUtc, i.DeletedAtUtc });
    }
}

internal sealed class CdnInvalidationUrlConfiguration : IEntityTypeConfiguration<CdnInvalidationUrl>
{
    public void Configure(EntityTypeBuilder<CdnInvalidationUrl> url)
    {
        url.HasKey(u => u.Id);
        url.Property(u => u.VideoId).HasMaxLength(VideoId.Length).IsUnicode(false);
        url.Property(u => u.Url).HasMaxLength(1024);
    }
}
