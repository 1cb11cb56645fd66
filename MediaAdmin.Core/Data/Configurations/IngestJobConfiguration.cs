using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class IngestJobConfiguration : IEntityTypeConfiguration<IngestJob>
{
    public void Configure(EntityTypeBuilder<IngestJob> job)
    {
        job.HasKey(j => j.Id);

        // No foreign key: the job is the record of what happened to an asset that may be deleted under it.
        job.Property(j => j.AssetId).HasMaxLength(VideoId.Length).IsUnicode(false);
        job.Property(j => j.State).HasConversion<int>();
        job.Property(j => j.Error).HasMaxLength(IngestJob.ErrorMaxLength);

        // What a free worker looks for: a queued job, or a running one whose lease ran out.
        job.HasIndex(j => new { j.State, j.LeasedUntilUtc });
        job.HasIndex(j => j.AssetId);
    }
}
