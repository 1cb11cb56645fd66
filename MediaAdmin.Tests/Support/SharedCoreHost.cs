using MediaAdmin.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// One Core host on a fresh SQLite file and storage folder for a whole test class (IClassFixture):
/// for tests that make their own users and assets and look only at those.
/// </summary>
public sealed class SharedCoreHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public CoreHost App { get; private set; } = null!;

    /// <summary>Makes the database fail on cue; does nothing until a test gives it a marker.</summary>
    public FailingCommandInterceptor Interceptor { get; } = new();

    public async Task InitializeAsync() =>
        App = await CoreHost.StartAsync(_folder.Path, services => services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(Interceptor)));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
