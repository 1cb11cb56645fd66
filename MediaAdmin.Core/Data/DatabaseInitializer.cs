using System.Security.Claims;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Creates the data folder, brings the database to the latest migration and makes sure the three
/// standard roles exist. Runs at start-up, after the settings were validated.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, MediaAdminPaths paths, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(paths.DataFolder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () => await db.Database.MigrateAsync(cancellationToken));

        await db.UseWriteAheadLogAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var (roleName, granted) in RoleNames.Defaults)
        {
            if (await roles.FindByNameAsync(roleName) is not null)
            {
                continue; // Administrators may have edited its permissions; they stay as they are.
            }

            var role = new IdentityRole(roleName);
            Check(await roles.CreateAsync(role), $"create role {roleName}");
            foreach (var permission in granted)
            {
                Check(await roles.AddClaimAsync(role, new Claim(PermissionNames.ClaimType, permission)), $"grant {permission} to {roleName}");
            }

            logger.LogInformation("Created role {Role} with {Permissions}", roleName, string.Join(", ", granted));
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
