using MediaAdmin.Core.Deletion.Remote;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class PendingRemoteDeletionConfiguration : IEntityTypeConfiguration<PendingRemoteDeletion>
{
    public void Configure(EntityTypeBuilder<PendingRemoteDeletion> pending)
    {
        pending.HasKey(p => p.Id);
        pending.Property(p => p.RequestId).HasMaxLength(36).IsUnicode(false);
        pending.Property(p => p.VideoId).HasMaxLength(64).IsUnicode(false);
        pending.Property(p => p.Title).HasMaxLength(Library.MediaAsset.TitleMaxLength);
        pending.Property(p => p.UserId).HasMaxLength(450);
        pending.Property(p => p.UserName).HasMaxLength(256);
        pending.Property(p => p.Channel).HasConversion<int>();
        pending.Property(p => p.AccessKeyId).HasMaxLength(64);
        pending.Property(p => p.RemoteAddress).HasMaxLength(64);
        pending.HasIndex(p => new { p.RequestId, p.VideoId }).IsUnique();
        pending.HasIndex(p => p.VideoId);
        pending.HasIndex(p => p.SentAtUtc);
    }
}
