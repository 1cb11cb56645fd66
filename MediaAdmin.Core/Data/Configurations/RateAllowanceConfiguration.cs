using MediaAdmin.Core.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class RateAllowanceConfiguration : IEntityTypeConfiguration<RateAllowance>
{
    public void Configure(EntityTypeBuilder<RateAllowance> allowance)
    {
        allowance.ToTable("RateAllowances");

        // The key is what the atomic upsert conflicts on; the second index serves the purge of idle partitions.
        allowance.HasKey(a => a.Partition);
        allowance.Property(a => a.Partition).HasMaxLength(RateAllowance.PartitionMaxLength);
        allowance.HasIndex(a => a.NextFreeMicroseconds);
    }
}
