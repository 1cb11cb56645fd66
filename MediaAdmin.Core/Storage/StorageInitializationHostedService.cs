using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Core.Storage;

/// <summary>Prepares storage at start-up, before the workers that read and remove files start.</summary>
internal sealed class StorageInitializationHostedService(StorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
