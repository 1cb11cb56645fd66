using Microsoft.AspNetCore.Builder;

namespace MediaAdmin.Tests.Support;

/// <summary>A test class with the real console on Kestrel at 127.0.0.1, on a fresh data folder, stopped afterwards.</summary>
public abstract class ConsoleServerTest : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected ConsoleServer Server { get; private set; } = null!;

    /// <summary>Settings this class's server starts with, beside the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services this class's server registers before its own (a pinned clock, say).</summary>
    protected virtual Action<WebApplicationBuilder>? Configure => null;

    public async Task InitializeAsync() => Server = await ConsoleServer.StartAsync(Folder.Path, Settings, Configure);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
