using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Demo;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core;

public static class MediaAdminCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the library database (SQLite or SQL Server, by Database:Provider), storage, permissions,
    /// Identity's stores and rules, the deletion service with its background worker, and start-up migration.
    /// Only registers: settings are validated when the host starts, and a wrong one stops start-up with a
    /// message naming the setting; folders are created by the start-up step.
    /// </summary>
    public static IServiceCollection AddMediaAdminCore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<MediaAdminOptions>(configuration, MediaAdminOptions.Section);
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<CdnOptions>(configuration, CdnOptions.Section);
        services.AddCdnUrlAuth(configuration);
        services.AddValidatedOptions<DeletionOptions>(configuration, DeletionOptions.Section);
        services.AddValidatedOptions<IngestOptions>(configuration, IngestOptions.Section);

        // Registration order is start order: the schema must exist before the data protection key ring
        // and the deletion worker read it.
        services.AddHostedService<DatabaseInitializationHostedService>();

        services.AddSingleton(sp => MediaAdminPaths.From(
            sp.GetRequiredService<IOptions<MediaAdminOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value, contentRootPath));
        services.TryAddSingletonTimeProvider();

        AddDatabase(services, configuration);

        // The key ring lives in the database, so every instance reads the cookies and secrets the others protected.
        services.AddDataProtection().SetApplicationName("MediaAdmin").PersistKeysToDbContext<MediaDbContext>();

        // The one Identity registration (stores, roles, rules); a web host adds only its sign-in manager on top.
        services.AddIdentityCore<MediaUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MediaDbContext>()
            .AddDefaultTokenProviders();

        services.AddMediaStorage();
        services.AddSingleton<PermissionService>();
        services.AddSingleton<CategoryGrants>();
        services.AddSingleton<PendingFileRemover>();
        services.AddSingleton<Audit.DeletionAuditWriter>();
        services.AddSingleton<VideoDeletionService>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<AccountProvisioning>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<RoleAdministration>();
        services.AddSingleton<Library.LibraryQueryService>();
        services.AddSingleton<DeletionPreviewService>();
        services.AddSingleton<DeletionNotifier>();
        services.AddSingleton<Audit.AuditLogService>();
        services.AddSingleton<AccessKeys.AccessKeyService>();
        services.AddSingleton<AccessKeys.NonceStore>();
        services.AddScoped<DemoLibrarySeeder>();
        services.AddSingleton<DemoMedia>();
        services.AddSingleton<Library.AssetIngestion>();
        services.AddSingleton<Library.AssetPreviewService>();
        AddIngest(services);
        Cdn.Purge.CdnPurgeServiceCollectionExtensions.AddCdnPurge(services, configuration);
        AddReconciliation(services, configuration);
        AddInstances(services, configuration);
        AddDeletion(services);
        Sources.LibrarySourcesServiceCollectionExtensions.AddLibrarySources(services, configuration);
        Events.EventsServiceCollectionExtensions.AddEventCallbacks(services, configuration);

        services.AddHostedService<PendingFileDeletionWorker>();
        services.AddHostedService<AccessKeys.NoncePurgeWorker>();
        services.AddHostedService<IngestWorker>();
        return services;
    }

    private static void AddDeletion(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DeletionOptions>, DeletionOptionsValidator>();
        services.AddSingleton<FileRemovalSignal>();
        services.AddSingleton<FileRemovalProgressService>();
        services.AddSingleton<PendingRemovals>();
    }

    private static void AddIngest(IServiceCollection services)
    {
        services.TryAddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.TryAddSingleton<IMediaTranscoder, FfmpegTranscoder>();
        services.TryAddSingleton<IngestHooks>();
        services.AddSingleton<IngestSignal>();
        services.AddSingleton<IngestCancellations>();
        services.AddSingleton<IngestJobStore>();
        services.AddSingleton<IngestLeftovers>();
        services.AddSingleton<IngestJobRunner>();
        services.TryAddSingleton<IIngestPipeline, IngestPipeline>();
        services.AddSingleton<IngestProgressService>();
        services.AddSingleton<FolderImport>();
        services.AddSingleton<Ingest.Uploads.UploadFolder>();
        services.AddSingleton<Ingest.Uploads.UploadStore>();
        services.AddHostedService<Ingest.Uploads.AbandonedUploadSweeper>();
    }

    private static void AddReconciliation(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<Reconciliation.ReconciliationOptions>(configuration, Reconciliation.ReconciliationOptions.Section);
        services.AddSingleton<Reconciliation.ReconciliationSignal>();
        services.AddSingleton<Reconciliation.ReconciliationRunner>();
        services.AddSingleton(sp => new Reconciliation.ReconciliationService(
            sp.GetRequiredService<IDbContextFactory<MediaDbContext>>(),
            sp.GetRequiredService<PermissionService>(),
            sp.GetRequiredService<IMediaStorage>(),
            sp.GetRequiredService<Reconciliation.ReconciliationRunner>(),
            sp.GetRequiredService<Reconciliation.ReconciliationSignal>(),
            sp.GetRequiredService<IOptions<Reconciliation.ReconciliationOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<Reconciliation.ReconciliationWorker>();
    }

    /// <summary>What lets several instances share one database: deletions told to each other, rate limits counted together.</summary>
    private static void AddInstances(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<Instances.NotificationOptions>(configuration, Instances.NotificationOptions.Section);
        services.AddSingleton<IValidateOptions<Instances.NotificationOptions>, Instances.NotificationOptionsValidator>();
        services.TryAddKeyedSingleton(Instances.RatePace.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<Instances.RedisConnection>();
        services.AddSingleton<Instances.DatabaseRateLimiter>();
        services.AddSingleton<Instances.RedisRateLimiter>();
        services.AddSingleton<Instances.ISharedRateLimiter>(sp => sp.GetRequiredService<IOptions<Instances.NotificationOptions>>().Value.UsesRedis
            ? sp.GetRequiredService<Instances.RedisRateLimiter>()
            : sp.GetRequiredService<Instances.DatabaseRateLimiter>());
        services.AddHostedService(sp => sp.GetRequiredService<Instances.RedisConnection>());
        services.AddHostedService<Instances.RedisDeletionRelay>();
        services.AddHostedService<Instances.DeletionFeed>();
    }

    private static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>
    /// Both providers' context factories are registered; the validated Database:Provider picks the one
    /// that is ever built, so nothing is read or checked before the host starts.
    /// </summary>
    private static void AddDatabase(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section)
            .Configure(database => database.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddPooledDbContextFactory<SqlServerMediaDbContext>((sp, options) =>
            options.UseSqlServer(Database(sp).ConnectionString, sql => sql.EnableRetryOnFailure()));
        services.AddPooledDbContextFactory<SqliteMediaDbContext>((sp, options) =>
        {
            var database = Database(sp);
            options.UseSqlite(
                    database.ConnectionString ?? $"Data Source={Path.Combine(sp.GetRequiredService<MediaAdminPaths>().DataFolder, database.SqliteFile)}",
                    // One JSON parameter per ID list keeps each query's SQL cached: with a parameter per ID, EF wrote
                    // the SQL again on every run (a quarter of what the API's reads allocated under load).
                    sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqliteConnectionTuning(database.SqliteSynchronousLevel ?? SqliteSynchronous.Normal));
        });

        services.AddSingleton<SqliteWriteGate>();
        services.AddHostedService<SqliteCheckpointWorker>();
        services.AddSingleton<IDbContextFactory<MediaDbContext>>(sp => Database(sp).ProviderKind == DatabaseProvider.SqlServer
            ? new MediaDbContextFactory<SqlServerMediaDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerMediaDbContext>>())
            : new MediaDbContextFactory<SqliteMediaDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteMediaDbContext>>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContext());
    }

    private static DatabaseOptions Database(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
