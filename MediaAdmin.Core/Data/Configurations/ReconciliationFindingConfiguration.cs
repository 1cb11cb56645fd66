using MediaAdmin.Core.Library;
using MediaAdmin.Core.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class ReconciliationFindingConfiguration : IEntityTypeConfiguration<ReconciliationFinding>
{
    public void Configure(EntityTypeBuilder<ReconciliationFinding> finding)
    {
        finding.HasKey(f => f.Id);
        finding.HasOne<ReconciliationRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        finding.Property(f => f.Kind).HasConversion<int>();
        finding.Property(f => f.Outcome).HasConversion<int>();
        finding.Property(f => f.StorageKey).HasMaxLength(Storage.StorageKey.MaxLength).IsUnicode(false);
        finding.Property(f => f.AssetId).HasMaxLength(VideoId.Length).IsUnicode(false);
        finding.Property(f => f.Error).HasMaxLength(1024);

        // A resumed run may look at a page again: a key is found once per run and kind.
        finding.HasIndex(f => new { f.RunId, f.Kind, f.StorageKey }).IsUnique();
        finding.HasIndex(f => new { f.RunId, f.Kind, f.AssetId });
    }
}
