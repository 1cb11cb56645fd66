using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Demo;
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
    /// the deletion service with its background worker, and start-up migration. Settings that are wrong
    /// stop start-up with a message naming the setting.
    /// </summary>
    public static IServiceCollection AddMediaAdminCore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MediaAdminOptions>().BindConfiguration(MediaAdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CdnOptions>().BindConfiguration(CdnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeletionOptions>().BindConfiguration(DeletionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Registration order is start order: the schema must exist before the data protection key ring
        // and the deletion worker read it.
        services.AddHostedService<DatabaseInitializationHostedService>();

        var paths = MediaAdminPaths.Resolve(configuration, contentRootPath);
        services.AddSingleton(paths);
        services.TryAddSingletonTimeProvider();

        AddDatabase(services, configuration, paths);

        // The key ring lives in the database, so every instance reads the cookies and secrets the others protected.
        services.AddDataProtection().SetApplicationName("MediaAdmin").PersistKeysToDbContext<MediaDbContext>();

        services.AddIdentityCore<MediaUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MediaDbContext>()
            .AddDefaultTokenProviders();

        services.TryAddSingleton<IMediaStorage>(_ => new LocalDiskMediaStorage(paths.StorageRoot));
        services.AddSingleton<PermissionService>();
        services.AddSingleton<PendingFileRemover>();
        services.AddSingleton<VideoDeletionService>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<AccountProvisioning>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<RoleAdministration>();
        services.AddSingleton<Library.LibraryQueryService>();
        services.AddSingleton<DeletionPreviewService>();
        services.AddSingleton<DeletionNotifier>();
        services.AddSingleton<CdnReminderService>();
        services.AddSingleton<Audit.AuditLogService>();
        services.AddSingleton<Api.AccessKeyService>();
        services.AddSingleton<Api.NonceStore>();
        services.AddScoped<DemoLibrarySeeder>();
        services.AddSingleton<Library.AssetIngestion>();

        services.AddHostedService<PendingFileDeletionWorker>();
        services.AddHostedService<Api.NoncePurgeWorker>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddDatabase(IServiceCollection services, IConfiguration configuration, MediaAdminPaths paths)
    {
        var (database, problem) = DatabaseSettings.Read(configuration);
        if (problem is not null)
        {
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), [problem]);
        }

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<SqlServerMediaDbContext>(o => o.UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure()));
                Forward<SqlServerMediaDbContext>(services);
                break;
            default:
                var connectionString = database.ConnectionString ?? $"Data Source={Path.Combine(paths.DataFolder, database.SqliteFile)}";
                services.AddPooledDbContextFactory<SqliteMediaDbContext>(o => o.UseSqlite(connectionString));
                Forward<SqliteMediaDbContext>(services);
                break;
        }

        services.AddSingleton(database);
    }

    private static void Forward<TContext>(IServiceCollection services)
        where TContext : MediaDbContext
    {
        services.AddSingleton<IDbContextFactory<MediaDbContext>, MediaDbContextFactory<TContext>>();
        services.AddScoped<TContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<MediaDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
