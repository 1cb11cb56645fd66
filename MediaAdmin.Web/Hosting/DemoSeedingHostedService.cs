using MediaAdmin.Core.Demo;
using MediaAdmin.Core.Sources;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Hosting;

/// <summary>
/// On a first start in Development, fills the empty database with the demo accounts and library; with an ApsaraVideo
/// VOD library the accounts only, since the library is the remote one.
/// </summary>
internal sealed class DemoSeedingHostedService(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<DemoSeedingOptions> options,
    IOptions<LibrarySourceOptions> source,
    ILogger<DemoSeedingHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (!environment.IsDevelopment())
        {
            // Demo accounts have published passwords: never outside Development.
            logger.LogWarning("DemoSeeding:Enabled is ignored in the {Environment} environment", environment.EnvironmentName);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var assetCount = source.Value.IsAlibabaVod ? 0 : options.Value.AssetCount;
        var report = await scope.ServiceProvider.GetRequiredService<DemoLibrarySeeder>().SeedAsync(assetCount, cancellationToken: cancellationToken);
        if (report.AccountsCreated.Count > 0)
        {
            logger.LogWarning(
                "Demo accounts created (password for all: {Password}): {Accounts}",
                DemoAccounts.Password,
                string.Join(", ", DemoAccounts.All.Select(a => $"{a.Email} ({a.Role})")));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
