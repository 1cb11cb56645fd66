using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>A test on the real console with Cdn:UrlAuth set and a clock the test moves, fresh per test.</summary>
public abstract class UrlAuthServerTest : IAsyncLifetime
{
    public const string PrivateKey = "MediaAdminTestKey0123456789";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly TempFolder _folder = new();

    protected ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected ConsoleServer Server { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected CdnUrlSigner Signer => Server.Services.GetRequiredService<CdnUrlSigner>();

    public static Task<ConsoleServer> StartAsync(string folder, ManualClock clock) =>
        ConsoleServer.StartAsync(
            folder,
            new Dictionary<string, string?> { ["Cdn:UrlAuth:PrivateKey"] = PrivateKey, ["Cdn:UrlAuth:Lifetime"] = Lifetime.ToString() },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));

    public async Task InitializeAsync()
    {
        Server = await StartAsync(_folder.Path, Clock);
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
