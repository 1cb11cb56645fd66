using MediaAdmin.Core.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class RateWindowCountConfiguration : IEntityTypeConfiguration<RateWindowCount>
{
    public void Configure(EntityTypeBuilder<RateWindowCount> count)
    {
        count.ToTable("RateWindowCounts");

        // The key is what the atomic upsert conflicts on; the second index serves the purge of old windows.
        count.HasKey(c => new { c.Partition, c.Second });
        count.Property(c => c.Partition).HasMaxLength(RateWindowCount.PartitionMaxLength);
        count.HasIndex(c => c.Second);
    }
}
