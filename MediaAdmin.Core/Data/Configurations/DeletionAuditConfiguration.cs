using MediaAdmin.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class DeletionAuditRecordConfiguration : IEntityTypeConfiguration<DeletionAuditRecord>
{
    public void Configure(EntityTypeBuilder<DeletionAuditRecord> record)
    {
        record.HasKey(r => r.Id);
        record.Property(r => r.RequestId).HasMaxLength(36).IsUnicode(false);
        record.Property(r => r.UserId).HasMaxLength(450);
        record.Property(r => r.UserName).HasMaxLength(256);
        record.Property(r => r.Channel).HasConversion<int>();
        record.Property(r => r.AccessKeyId).HasMaxLength(64);
        record.Property(r => r.RemoteAddress).HasMaxLength(64);
        record.Property(r => r.RemoteRequestId).HasMaxLength(64).IsUnicode(false);
        record.Property(r => r.OriginalRequestId).HasMaxLength(36).IsUnicode(false);
        record.Property(r => r.RequestedIds).HasMaxLength(DeletionAuditRecord.RequestedIdsMaxLength);
        record.Property(r => r.ErrorCode).HasMaxLength(64);
        record.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.AuditRecordId).OnDelete(DeleteBehavior.Cascade);

        // The user stays a plain column, not a foreign key: the audit outlives deleted accounts.
        record.HasIndex(r => r.RequestId).IsUnique();
        record.HasIndex(r => r.CreatedAtUtc);
        record.HasIndex(r => new { r.UserId, r.CreatedAtUtc });
    }
}

internal sealed class DeletionAuditEntryConfiguration : IEntityTypeConfiguration<DeletionAuditEntry>
{
    public void Configure(EntityTypeBuilder<DeletionAuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.VideoId).HasMaxLength(DeletionAuditEntry.VideoIdMaxLength);
        entry.Property(e => e.Outcome).HasConversion<int>();
        entry.Property(e => e.Title).HasMaxLength(Library.MediaAsset.TitleMaxLength);
        entry.Property(e => e.Reason).HasMaxLength(256);
        entry.HasIndex(e => e.VideoId);
    }
}
