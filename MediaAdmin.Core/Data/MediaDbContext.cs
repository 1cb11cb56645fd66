using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>
/// The media library and the Identity store in one database. Each provider has a derived context
/// with its own migrations (<see cref="SqliteMediaDbContext"/>, <see cref="SqlServerMediaDbContext"/>).
/// </summary>
public abstract class MediaDbContext(DbContextOptions options) : IdentityDbContext<MediaUser>(options), IDataProtectionKeyContext
{
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<PendingFileDeletion> PendingFileDeletions => Set<PendingFileDeletion>();

    public DbSet<DeletionAuditRecord> DeletionAuditRecords => Set<DeletionAuditRecord>();

    public DbSet<DeletionAuditEntry> DeletionAuditEntries => Set<DeletionAuditEntry>();

    public DbSet<CdnInvalidation> CdnInvalidations => Set<CdnInvalidation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    public DbSet<UsedNonce> UsedNonces => Set<UsedNonce>();

    public DbSet<IngestJob> IngestJobs => Set<IngestJob>();

    public DbSet<Reconciliation.ReconciliationRun> ReconciliationRuns => Set<Reconciliation.ReconciliationRun>();

    public DbSet<Reconciliation.ReconciliationFinding> ReconciliationFindings => Set<Reconciliation.ReconciliationFinding>();

    public DbSet<Sources.AlibabaVod.RemoteAsset> RemoteAssets => Set<Sources.AlibabaVod.RemoteAsset>();

    public DbSet<Sources.AlibabaVod.SourceSyncRun> SourceSyncRuns => Set<Sources.AlibabaVod.SourceSyncRun>();

    public DbSet<Sources.AlibabaVod.RemovedRemoteAsset> RemovedRemoteAssets => Set<Sources.AlibabaVod.RemovedRemoteAsset>();

    public DbSet<Sources.AlibabaVod.ReceivedVodEvent> ReceivedVodEvents => Set<Sources.AlibabaVod.ReceivedVodEvent>();

    public DbSet<Permissions.CategoryGrant> CategoryGrants => Set<Permissions.CategoryGrant>();

    public DbSet<Events.OutgoingVodEvent> OutgoingVodEvents => Set<Events.OutgoingVodEvent>();

    public DbSet<Deletion.Remote.PendingRemoteDeletion> PendingRemoteDeletions => Set<Deletion.Remote.PendingRemoteDeletion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MediaDbContext).Assembly, type => type.Namespace == typeof(MediaDbContext).Namespace + ".Configurations");
        builder.Entity<MediaUser>(user => user.Property(u => u.DisplayName).HasMaxLength(MediaUser.DisplayNameMaxLength));
    }
}
