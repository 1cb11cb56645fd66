using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class RemovedRemoteAssetConfiguration : IEntityTypeConfiguration<RemovedRemoteAsset>
{
    public void Configure(EntityTypeBuilder<RemovedRemoteAsset> removed)
    {
        removed.HasKey(r => r.AssetId);
        removed.Property(r => r.AssetId).HasMaxLength(64).IsUnicode(false);
        removed.HasIndex(r => r.RemovedAtUtc);
    }
}
