using MediaAdmin.Core.Data;
using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Events;

/// <summary>
/// A console with <c>Library:Source=AlibabaVod</c> whose VOD client talks to a WireMock stand-in, shared by a test
/// class: each test uses its own video IDs and looks only at those.
/// </summary>
public sealed class AlibabaVodSourceServer : IAsyncLifetime
{
    public const string CallbackKey = "callback-key-3c9a51e0";

    /// <summary>Shorter than the 4-second default so a test of a remote slower than it waits less; long enough for a loaded machine.</summary>
    public const string CallbackApplyTimeout = "00:00:02";

    private readonly TempFolder _folder = new();

    public VodStandIn Remote { get; } = new();

    public ConsoleServer Server { get; private set; } = null!;

    public Uri CallbackUrl => new(Server.BaseAddress, "/vod/callbacks");

    public async Task InitializeAsync() => Server = await ConsoleServer.StartAsync(_folder.Path, Settings(Remote.Endpoint));

    /// <summary>The settings of an AlibabaVod-source console whose remote is <paramref name="endpoint"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri endpoint) => new()
    {
        ["Library:Source"] = "AlibabaVod",
        ["AlibabaVod:Endpoint"] = endpoint.ToString(),
        ["AlibabaVod:RegionId"] = "cn-shanghai",
        ["AlibabaVod:AccessKeyId"] = VodStandIn.AccessKeyId,
        ["AlibabaVod:AccessKeySecret"] = VodStandIn.AccessKeySecret,
        ["AlibabaVod:CallbackPrivateKey"] = CallbackKey,
        ["AlibabaVod:Resilience:MaxRetries"] = "1",
        ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010",
        ["AlibabaVod:CallbackApplyTimeout"] = CallbackApplyTimeout,
    };

    public async Task<MediaDbContext> OpenDbAsync() =>
        await Server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();

    public async Task<bool> MirrorHasAsync(string videoId)
    {
        await using var db = await OpenDbAsync();
        return await db.MediaAssets.AnyAsync(a => a.Id == videoId) && await db.RemoteAssets.AnyAsync(r => r.AssetId == videoId);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Remote.Dispose();
        _folder.Dispose();
    }
}
