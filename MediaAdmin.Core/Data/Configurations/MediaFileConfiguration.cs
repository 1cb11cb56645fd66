using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> file)
    {
        file.HasKey(f => f.Id);
        file.Property(f => f.AssetId).HasMaxLength(VideoId.Length).IsUnicode(false);
        file.Property(f => f.Kind).HasConversion<int>();
        file.Property(f => f.SnapshotKind).HasConversion<int?>();
        file.Property(f => f.StorageKey).HasMaxLength(StorageKey.MaxLength).IsUnicode(false);
        file.Property(f => f.CdnUrl).HasMaxLength(1024);
        file.Property(f => f.Format).HasMaxLength(16);
        file.Property(f => f.Definition).HasMaxLength(16);

        file.HasIndex(f => f.StorageKey).IsUnique();
        file.HasIndex(f => new { f.AssetId, f.Kind });
    }
}
