using MediaAdmin.Core.Cdn.Purge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class CdnPurgeAssetKeysConfiguration : IEntityTypeConfiguration<CdnPurgeAssetKeys>
{
    public void Configure(EntityTypeBuilder<CdnPurgeAssetKeys> keys)
    {
        keys.HasKey(k => k.Id);
        keys.Property(k => k.VideoId).HasMaxLength(Library.VideoId.Length).IsUnicode(false);

        // One capture per asset of a purge: a second instance's capture of the same asset loses on this index.
        keys.HasIndex(k => new { k.InvalidationId, k.VideoId }).IsUnique();
    }
}
