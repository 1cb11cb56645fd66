using MediaAdmin.Core.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> run)
    {
        run.HasKey(r => r.Id);
        run.Property(r => r.UserId).HasMaxLength(450);
        run.Property(r => r.RunBy).HasMaxLength(ReconciliationRun.RunByMaxLength);
        run.Property(r => r.State).HasConversion<int>();
        run.Property(r => r.Phase).HasConversion<int>();
        run.Property(r => r.LastKey).HasMaxLength(Storage.StorageKey.MaxLength).IsUnicode(false);
        run.Property(r => r.Error).HasMaxLength(ReconciliationRun.ErrorMaxLength);

        // Null for finished runs, so the unique index admits any number of those and one unfinished run.
        run.HasIndex(r => r.Unfinished).IsUnique();
        run.Property(r => r.UpdatedAtUtc).IsConcurrencyToken();
        run.HasIndex(r => r.StartedAtUtc);
    }
}
