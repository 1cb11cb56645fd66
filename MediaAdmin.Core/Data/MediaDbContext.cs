using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Globalization;
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

    /// <summary>
    /// Deletes the given assets (their files cascade) in one statement and returns the IDs this
    /// statement removed, so a caller racing another request learns which deletions were its own.
    /// </summary>
    internal Task<List<string>> DeleteAssetsReturningIdsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var placeholders = string.Join(", ", ids.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
#pragma warning disable EF1002 // Only {n} placeholders are spliced in; every value is a parameter.
        return Database.SqlQueryRaw<string>(DeleteAssetsReturningIdsSql(placeholders), [.. ids]).ToListAsync(cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>The provider's DELETE that also returns the deleted IDs (RETURNING, OUTPUT).</summary>
    private protected abstract string DeleteAssetsReturningIdsSql(string parameterList);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MediaDbContext).Assembly, type => type.Namespace == typeof(MediaDbContext).Namespace + ".Configurations");
        builder.Entity<MediaUser>(user => user.Property(u => u.DisplayName).HasMaxLength(MediaUser.DisplayNameMaxLength));
    }
}
