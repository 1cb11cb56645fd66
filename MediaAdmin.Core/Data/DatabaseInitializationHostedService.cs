using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Core.Data;

/// <summary>Migrates and seeds roles before the app serves its first request.</summary>
internal sealed class DatabaseInitializationHostedService(DatabaseInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
