namespace MediaAdmin.Tests.Support;

/// <summary>A test class with Core on a fresh SQLite file and storage folder of its own, stopped afterwards.</summary>
public abstract class CoreHostTest : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected CoreHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CoreHost.StartAsync(Folder.Path);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Folder.Dispose();
    }
}
