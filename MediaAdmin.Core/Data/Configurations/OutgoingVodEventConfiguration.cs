using MediaAdmin.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class OutgoingVodEventConfiguration : IEntityTypeConfiguration<OutgoingVodEvent>
{
    public void Configure(EntityTypeBuilder<OutgoingVodEvent> outgoing)
    {
        outgoing.HasKey(e => e.Id);
        outgoing.Property(e => e.EventType).HasMaxLength(OutgoingVodEvent.EventTypeMaxLength);
        outgoing.Property(e => e.VideoId).HasMaxLength(64).IsUnicode(false);
        outgoing.Property(e => e.LastError).HasMaxLength(OutgoingVodEvent.ErrorMaxLength);
        outgoing.HasIndex(e => new { e.SentAtUtc, e.AbandonedAtUtc, e.NextAttemptAtUtc });
    }
}
