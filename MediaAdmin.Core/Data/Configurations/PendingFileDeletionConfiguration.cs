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
        pending.Property(p => p.StorageKey).HasMaxLength(StorageKey.MaxLength).IsUnicode(false);
        pending.Property(p => p.AssetId).HasMaxLength(VideoId.Length).IsUnicode(false);
        pending.Property(p => p.RequestId).HasMaxLength(36).IsUnicode(false);
        pending.Property(p => p.LastError).HasMaxLength(1024);
        // The table holds only removals in flight or retrying, so it stays small: an index for the worker's
        // due-first scan, and one by key because /cdn asks of every file it serves whether its removal is pending;
        // clearing by request scans, which is cheaper than indexing every insert once more.
        pending.HasIndex(p => p.NextAttemptAtUtc);
        pending.HasIndex(p => p.StorageKey);
    }
}
