using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// Two real consoles on 127.0.0.1, each in its own temp folder: <see cref="Remote"/> runs the local library and
/// plays ApsaraVideo VOD (its API answers, its Events settings send the callbacks), and <see cref="Gateway"/> runs
/// with <c>Library:Source=AlibabaVod</c> pointed at the remote's API with an AccessKey of <see cref="RemoteKeyOwner"/>.
/// Each one's settings name the other's address, so both ports are chosen before either starts.
/// </summary>
public sealed class VodPair : IAsyncDisposable
{
    public const string RegionId = "cn-shanghai";

    private readonly TempFolder _remoteFolder;
    private readonly TempFolder _gatewayFolder;

    private VodPair(TempFolder remoteFolder, TempFolder gatewayFolder, ConsoleServer remote, ConsoleServer gateway, MediaUser keyOwner, NewAccessKey key)
    {
        _remoteFolder = remoteFolder;
        _gatewayFolder = gatewayFolder;
        Remote = remote;
        Gateway = gateway;
        RemoteKeyOwner = keyOwner;
        RemoteKey = key;
    }

    /// <summary>The local-source console that plays ApsaraVideo VOD.</summary>
    public ConsoleServer Remote { get; }

    /// <summary>The AlibabaVod-source console in front of <see cref="Remote"/>.</summary>
    public ConsoleServer Gateway { get; }

    /// <summary>The remote account whose AccessKey the gateway calls with: the remote decides what it may delete.</summary>
    public MediaUser RemoteKeyOwner { get; }

    public NewAccessKey RemoteKey { get; }

    /// <summary>An administrator of the gateway, who may press "Sync now" and delete any mirrored video.</summary>
    public MediaUser GatewayAdministrator { get; private set; } = null!;

    /// <summary>The gateway's first full sync, which its worker started on its own and <see cref="StartAsync"/> waited for.</summary>
    public SourceSyncRun FirstFullSync { get; private set; } = null!;

    /// <summary>The gateway's own view of the account it fronts, for calling the remote the way the gateway does.</summary>
    public VodAccount RemoteAccount => new(Remote.ApiAddress, RegionId, RemoteKey.Id, RemoteKey.Secret);

    /// <summary>
    /// Starts the remote (with <paramref name="configureRemote"/>), gives <paramref name="keyOwnerRole"/> an account and
    /// AccessKey on it, lets <paramref name="seedRemote"/> fill its library, then starts the gateway in front of it
    /// and waits for the gateway's first full sync.
    /// </summary>
    public static async Task<VodPair> StartAsync(
        string keyOwnerRole, Func<ConsoleServer, MediaUser, Task>? seedRemote = null, Action<WebApplicationBuilder>? configureRemote = null)
    {
        var (remotePorts, gatewayPorts) = (ConsolePorts.Free(), ConsolePorts.Free());
        var callbackKey = "pair-callback-" + Guid.NewGuid().ToString("N");
        var (remoteFolder, gatewayFolder) = (new TempFolder(), new TempFolder());
        ConsoleServer? remote = null, gateway = null;
        try
        {
            remote = await ConsoleServer.StartAsync(remoteFolder.Path, RemoteSettings(gatewayPorts, callbackKey), configureRemote, remotePorts);
            var keyOwner = await remote.CreateUserAsync(keyOwnerRole);
            var key = (await remote.Services.GetRequiredService<AccessKeyService>().CreateAsync(keyOwner.Id, keyOwner.Id)).Value;
            if (seedRemote is not null)
            {
                await seedRemote(remote, keyOwner);
            }

            gateway = await ConsoleServer.StartAsync(gatewayFolder.Path, GatewaySettings(remotePorts, gatewayPorts, key, callbackKey), ports: gatewayPorts);
            return new VodPair(remoteFolder, gatewayFolder, remote, gateway, keyOwner, key)
            {
                GatewayAdministrator = await gateway.CreateUserAsync(RoleNames.Administrator),
                FirstFullSync = await GatewaySync.FirstFullSyncAsync(gateway),
            };
        }
        catch
        {
            foreach (var server in new[] { gateway, remote })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }

            remoteFolder.Dispose();
            gatewayFolder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The gateway first: the remote's callbacks then fail quietly instead of reaching a half-stopped host.
        await Gateway.DisposeAsync();
        await Remote.DisposeAsync();
        _gatewayFolder.Dispose();
        _remoteFolder.Dispose();
    }

    private static Dictionary<string, string?> RemoteSettings(ConsolePorts gateway, string callbackKey) => new()
    {
        ["Library:Source"] = "Local",
        ["Events:CallbackUrl"] = new Uri(gateway.BaseAddress, VodCallbackEndpoint.Path).ToString(),
        ["Events:PrivateKey"] = callbackKey,
    };

    private static Dictionary<string, string?> GatewaySettings(ConsolePorts remote, ConsolePorts gateway, NewAccessKey key, string callbackKey) => new()
    {
        ["Library:Source"] = "AlibabaVod",
        ["AlibabaVod:Endpoint"] = remote.ApiAddress.ToString(),
        ["AlibabaVod:RegionId"] = RegionId,
        ["AlibabaVod:AccessKeyId"] = key.Id,
        ["AlibabaVod:AccessKeySecret"] = key.Secret,
        ["AlibabaVod:CallbackPrivateKey"] = callbackKey,
        ["AlibabaVod:CallbackUrl"] = new Uri(gateway.BaseAddress, VodCallbackEndpoint.Path).ToString(),
        ["AlibabaVod:SyncRequestsPerSecond"] = "50",

        // The tests trigger every sync themselves, so a scheduled one never changes the mirror under them.
        ["AlibabaVod:IncrementalSyncInterval"] = "01:00:00",
        ["AlibabaVod:FullSyncInterval"] = "00:00:00",
    };
}
