using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class RemoteAssetConfiguration : IEntityTypeConfiguration<RemoteAsset>
{
    public void Configure(EntityTypeBuilder<RemoteAsset> remote)
    {
        remote.HasKey(r => r.AssetId);
        remote.Property(r => r.AssetId).HasMaxLength(64).IsUnicode(false);
        remote.Property(r => r.CoverUrl).HasMaxLength(RemoteAsset.UrlMaxLength);
        remote.HasOne<MediaAsset>().WithOne(a => a.Remote).HasForeignKey<RemoteAsset>(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
        remote.HasIndex(r => r.SeenInSyncRunId);
        remote.HasIndex(r => r.RemoteModifiedAtUtc);
    }
}

internal sealed class SourceSyncRunConfiguration : IEntityTypeConfiguration<SourceSyncRun>
{
    public void Configure(EntityTypeBuilder<SourceSyncRun> run)
    {
        run.HasKey(r => r.Id);
        run.Property(r => r.Kind).HasConversion<int>();
        run.Property(r => r.State).HasConversion<int>();
        run.Property(r => r.RequestedBy).HasMaxLength(SourceSyncRun.RequestedByMaxLength);
        run.Property(r => r.ScrollToken).HasMaxLength(SourceSyncRun.ScrollTokenMaxLength).IsUnicode(false);
        run.Property(r => r.Error).HasMaxLength(SourceSyncRun.ErrorMaxLength);

        // Null for finished runs, so the unique index admits any number of those and one unfinished run.
        run.HasIndex(r => r.Unfinished).IsUnique();
        run.Property(r => r.UpdatedAtUtc).IsConcurrencyToken();
        run.HasIndex(r => new { r.Kind, r.StartedAtUtc });
    }
}

internal sealed class ReceivedVodEventConfiguration : IEntityTypeConfiguration<ReceivedVodEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedVodEvent> received)
    {
        received.HasKey(e => e.Id);
        received.Property(e => e.EventKey).HasMaxLength(ReceivedVodEvent.EventKeyMaxLength).IsUnicode(false);
        received.HasIndex(e => e.EventKey).IsUnique();
        received.Property(e => e.EventType).HasMaxLength(ReceivedVodEvent.EventTypeMaxLength);
        received.Property(e => e.VideoId).HasMaxLength(64).IsUnicode(false);
        received.Property(e => e.Outcome).HasMaxLength(ReceivedVodEvent.OutcomeMaxLength);
        received.HasIndex(e => e.ReceivedAtUtc);
    }
}
