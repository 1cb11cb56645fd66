namespace MediaAdmin.Tests.Support;

/// <summary>
/// One Core host on a fresh SQLite file and storage folder for a whole test class (IClassFixture):
/// for tests that make their own users and assets and look only at those.
/// </summary>
public sealed class SharedCoreHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public CoreHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CoreHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
