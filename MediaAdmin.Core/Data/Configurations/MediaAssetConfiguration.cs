using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> asset)
    {
        asset.HasKey(a => a.Id);
        asset.Property(a => a.Id).HasMaxLength(VideoId.Length).IsUnicode(false);
        asset.Property(a => a.Title).HasMaxLength(MediaAsset.TitleMaxLength);
        asset.Property(a => a.Description).HasMaxLength(MediaAsset.DescriptionMaxLength);
        asset.Property(a => a.MediaType).HasConversion<int>();
        asset.Property(a => a.Status).HasConversion<int>();
        asset.Property(a => a.StatusReason).HasMaxLength(IngestJob.ErrorMaxLength);
        asset.Property(a => a.SourceFormat).HasMaxLength(64);
        asset.Property(a => a.VideoCodec).HasMaxLength(32);
        asset.Property(a => a.AudioCodec).HasMaxLength(32);

        asset.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        asset.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        asset.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.AssetId).OnDelete(DeleteBehavior.Cascade);

        // What the library page sorts and filters on; each filter index ends in the default sort key.
        asset.HasIndex(a => a.SearchKey).IsUnique();
        asset.HasIndex(a => a.CreatedAtUtc);
        asset.HasIndex(a => a.Title);
        asset.HasIndex(a => a.TotalSizeBytes);
        asset.HasIndex(a => a.DurationSeconds);
        asset.HasIndex(a => new { a.OwnerId, a.CreatedAtUtc });
        asset.HasIndex(a => new { a.MediaType, a.CreatedAtUtc });
        asset.HasIndex(a => new { a.Status, a.CreatedAtUtc });
        asset.HasIndex(a => new { a.CategoryId, a.CreatedAtUtc });

        // The API's traversal in modification order (an incremental sync; SearchMedia always names the media type)
        // seeks on all three, so no page reads or sorts the ones before it.
        asset.HasIndex(a => new { a.MediaType, a.UpdatedAtUtc, a.Id });
    }
}
