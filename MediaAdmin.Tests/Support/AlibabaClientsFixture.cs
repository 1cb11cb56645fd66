using System.Diagnostics;
using System.Text.Json;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// Alibaba's official RPC client, @alicloud/pop-core, installed from npm into a folder the tests own,
/// and driven by a small Node script that prints what the client returned or threw, as JSON.
/// </summary>
public sealed class AlibabaClientsFixture : IAsyncLifetime
{
    private const string Script = """
        const { RPCClient } = require('@alicloud/pop-core');
        const call = JSON.parse(process.argv[2]);
        const client = new RPCClient({ accessKeyId: call.accessKeyId, accessKeySecret: call.secret, endpoint: call.endpoint, apiVersion: '2017-03-21' });
        const options = { timeout: 10000 };
        if (call.method === 'POST') { options.method = 'POST'; }
        client.request(call.action, call.params, options).then(
          data => console.log(JSON.stringify({ ok: true, data })),
          err => console.log(JSON.stringify({ ok: false, name: err.name, code: err.code, message: err.message, data: err.data,
                                               statusCode: err.entry && err.entry.response ? err.entry.response.statusCode : null })));
        """;

    // Called the way the generated vod20170321 client calls it: RPC, POST, parameters in the query, signature v2.
    private const string TeaScript = """
        const OpenApi = require('@alicloud/openapi-client');
        const Util = require('@alicloud/tea-util');
        const call = JSON.parse(process.argv[2]);
        const client = new OpenApi.default(new OpenApi.Config({
          accessKeyId: call.accessKeyId, accessKeySecret: call.secret, endpoint: call.host, protocol: 'http', signatureAlgorithm: 'v2' }));
        const request = new OpenApi.OpenApiRequest({ query: call.params });
        client.doRPCRequest(call.action, '2017-03-21', 'HTTP', 'POST', 'AK', 'json', request, new Util.RuntimeOptions({})).then(
          data => console.log(JSON.stringify({ ok: true, data: data.body, statusCode: data.statusCode })),
          err => console.log(JSON.stringify({ ok: false, code: err.code, message: err.message, data: err.data,
                                               statusCode: err.data ? err.data.statusCode : null })));
        """;

    public string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "alibaba-clients");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        if (!File.Exists(Path.Combine(Folder, "node_modules", "@alicloud", "pop-core", "package.json"))
            || !File.Exists(Path.Combine(Folder, "node_modules", "@alicloud", "openapi-client", "package.json")))
        {
            var (exit, output) = await RunAsync(
                "npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", ".", "@alicloud/pop-core@1.8.0", "@alicloud/openapi-client@0.4.15", "@alicloud/tea-util"], TimeSpan.FromMinutes(4));
            Assert.True(exit == 0, $"npm install of Alibaba's clients failed (exit {exit}): {output}");
        }

        await File.WriteAllTextAsync(Path.Combine(Folder, "pop-call.js"), Script);
        await File.WriteAllTextAsync(Path.Combine(Folder, "tea-call.js"), TeaScript);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Calls <paramref name="action"/> through pop-core and returns what it resolved or threw.</summary>
    public async Task<JsonElement> PopCoreAsync(Uri endpoint, string accessKeyId, string secret, string method, string action, object parameters)
    {
        var call = JsonSerializer.Serialize(new { endpoint = endpoint.ToString().TrimEnd('/'), accessKeyId, secret, method, action, @params = parameters });
        var (exit, output) = await RunAsync("node", ["pop-call.js", call], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"node failed (exit {exit}): {output}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>Calls <paramref name="action"/> through @alicloud/openapi-client as the VOD client does, and returns what it resolved or threw.</summary>
    public async Task<JsonElement> OpenApiClientAsync(Uri apiAddress, string accessKeyId, string secret, string action, object parameters)
    {
        var call = JsonSerializer.Serialize(new { host = $"{apiAddress.Host}:{apiAddress.Port}", accessKeyId, secret, action, @params = parameters });
        var (exit, output) = await RunAsync("node", ["tea-call.js", call], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"node failed (exit {exit}): {output}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private async Task<(int Exit, string Output)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
