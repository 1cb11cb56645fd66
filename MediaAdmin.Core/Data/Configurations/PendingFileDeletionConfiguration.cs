using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class PendingFileDeletionConfiguration : IEntityTypeConfiguration<PendingFileDeletion>
{
    public void Configure(EntityTypeBuilder<PendingFileDeletion> pending)
    {
        pending.HasKey(p => p.Id);
        pending.Property(p => p.AssetId).HasMaxLength(VideoId.Length).IsUnicode(false);
        pending.Property(p => p.StoragePrefix).HasMaxLength(StorageKey.MaxLength).IsUnicode(false);
        pending.Property(p => p.RequestId).HasMaxLength(36).IsUnicode(false);
        pending.Property(p => p.LastError).HasMaxLength(1024);

        // One row per asset in flight, so the table stays small: the worker's due-first scan, the progress
        // and clearing by request, and ingestion's "is this prefix still being removed?".
        pending.HasIndex(p => p.NextAttemptAtUtc);
        pending.HasIndex(p => p.RequestId);
        pending.HasIndex(p => p.StoragePrefix);
    }
}
