using MediaAdmin.Core.Demo;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Hosting;

/// <summary>On a first start in Development, fills the empty database with the demo accounts and library.</summary>
internal sealed class DemoSeedingHostedService(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<DemoSeedingOptions> options,
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
        var report = await scope.ServiceProvider.GetRequiredService<DemoLibrarySeeder>().SeedAsync(options.Value.AssetCount, cancellationToken: cancellationToken);
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
