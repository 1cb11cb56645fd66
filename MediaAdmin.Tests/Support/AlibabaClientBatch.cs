using System.Diagnostics;
using System.Text.Json;

namespace MediaAdmin.Tests.Support;

/// <summary>One call for <see cref="AlibabaClientBatch"/>: which of Alibaba's clients, against which API, with which key.</summary>
public sealed record AlibabaClientCall(string Client, Uri ApiAddress, string AccessKeyId, string Secret, string Action, object Parameters, string Method = "GET")
{
    public const string PopCore = "pop-core";

    public const string OpenApiClient = "openapi-client";
}

/// <summary>
/// Several calls through Alibaba's own clients (installed by <see cref="AlibabaClientsFixture"/>) in one Node process,
/// so comparing two servers' answers costs one Node start instead of one per call. Each answer has the shape the
/// fixture's single-call scripts print: <c>ok</c> and <c>data</c>, or the client's error fields.
/// </summary>
public static class AlibabaClientBatch
{
    private const string Script = """
        const { RPCClient } = require('@alicloud/pop-core');
        const OpenApi = require('@alicloud/openapi-client');
        const Util = require('@alicloud/tea-util');
        const calls = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));

        function popCore(call) {
          const client = new RPCClient({ accessKeyId: call.accessKeyId, accessKeySecret: call.secret, endpoint: call.endpoint, apiVersion: '2017-03-21' });
          const options = { timeout: 20000 };
          if (call.method === 'POST') { options.method = 'POST'; }
          return client.request(call.action, call.params, options).then(
            data => ({ ok: true, data }),
            err => ({ ok: false, name: err.name, code: err.code, message: err.message, data: err.data,
                      statusCode: err.entry && err.entry.response ? err.entry.response.statusCode : null }));
        }

        // As the generated vod20170321 client calls it: RPC, POST, parameters in the query, signature v2.
        function openApiClient(call) {
          const client = new OpenApi.default(new OpenApi.Config({
            accessKeyId: call.accessKeyId, accessKeySecret: call.secret, endpoint: call.host, protocol: 'http', signatureAlgorithm: 'v2',
            readTimeout: 20000 }));
          const request = new OpenApi.OpenApiRequest({ query: call.params });
          return client.doRPCRequest(call.action, '2017-03-21', 'HTTP', 'POST', 'AK', 'json', request, new Util.RuntimeOptions({ readTimeout: 20000 })).then(
            data => ({ ok: true, data: data.body, statusCode: data.statusCode }),
            err => ({ ok: false, code: err.code, message: err.message, data: err.data, statusCode: err.data ? err.data.statusCode : null }));
        }

        (async () => {
          const answers = [];
          for (const call of calls) {
            answers.push(await (call.client === 'pop-core' ? popCore(call) : openApiClient(call)));
          }
          console.log(JSON.stringify(answers));
        })();
        """;

    /// <summary>Makes <paramref name="calls"/> in order and returns each one's answer.</summary>
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(AlibabaClientsFixture clients, IReadOnlyList<AlibabaClientCall> calls)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(calls);
        var script = Path.Combine(clients.Folder, "pair-calls.js");
        await File.WriteAllTextAsync(script, Script);
        var input = Path.Combine(clients.Folder, $"calls-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(calls.Select(c => new
        {
            client = c.Client,
            endpoint = c.ApiAddress.ToString().TrimEnd('/'),
            host = $"{c.ApiAddress.Host}:{c.ApiAddress.Port}",
            accessKeyId = c.AccessKeyId,
            secret = c.Secret,
            method = c.Method,
            action = c.Action,
            @params = c.Parameters,
        })));
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", [script, input])
            {
                WorkingDirectory = clients.Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("could not start node");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(deadline.Token);
            var output = await stdout;
            Assert.True(process.ExitCode == 0, $"node failed (exit {process.ExitCode}): {output}{await stderr}");
            using var answers = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            return [.. answers.RootElement.EnumerateArray().Select(a => a.Clone())];
        }
        finally
        {
            File.Delete(input);
        }
    }
}
