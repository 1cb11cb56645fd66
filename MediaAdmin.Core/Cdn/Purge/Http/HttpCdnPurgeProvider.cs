using System.Net;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge.Http;

/// <summary>
/// Purges an HTTP edge such as Varnish or Fastly: a <c>PURGE</c> per file URL, or with <c>BanPrefix</c> one
/// <c>BAN</c> per asset folder carrying the folder's path in <c>X-Ban-Prefix</c>. Each request goes to
/// <c>Cdn:Purge:Http:EdgeUrl</c> with the public URL's own Host header and path (scripts/varnish/mediaadmin.vcl
/// shows the edge's side). The edge purges at once: there are no tasks to follow and no quota.
/// </summary>
internal sealed class HttpCdnPurgeProvider(IHttpClientFactory clients, IOptions<CdnPurgeOptions> options) : ICdnPurgeProvider
{
    public const string ClientName = "CdnPurgeHttp";
    public const string BanPrefixHeader = "X-Ban-Prefix";
    private const int Concurrency = 8;

    private static readonly HttpMethod Purge = new("PURGE");
    private static readonly HttpMethod Ban = new("BAN");

    private CdnPurgeHttpOptions Settings => options.Value.Http;

    public async Task<CdnPurgeSubmission> SubmitAsync(CdnPurgeBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var requests = Settings.BanPrefix
            ? batch.Assets.Select(a => (Url: a.FolderUrl, Method: Ban)).ToList()
            : batch.Assets.SelectMany(a => a.FileUrls).Select(url => (Url: url, Method: Purge)).ToList();
        var outcomes = new CdnPurgeUrlOutcome[requests.Count];
        var client = clients.CreateClient(ClientName);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), parallel, async (i, ct) =>
            outcomes[i] = await SendAsync(client, requests[i].Method, requests[i].Url, ct));
        return new CdnPurgeSubmission(outcomes, []);
    }

    public Task<CdnPurgeTaskCheck> CheckTasksAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CdnPurgeTaskCheck(taskIds.Select(id => new CdnPurgeTaskState(id, CdnPurgeTaskStatus.Complete)).ToList()));

    public Task<CdnPurgeQuota> GetQuotaAsync(CancellationToken cancellationToken = default) => Task.FromResult(CdnPurgeQuota.Unlimited);

    private async Task<CdnPurgeUrlOutcome> SendAsync(HttpClient client, HttpMethod method, string publicUrl, CancellationToken cancellationToken)
    {
        var target = new Uri(publicUrl);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(Settings.EdgeUrl!), target.PathAndQuery));
        request.Headers.Host = target.Authority;
        if (method == Ban)
        {
            request.Headers.Add(BanPrefixHeader, target.AbsolutePath);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.Timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Outcome(publicUrl, method, response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CdnPurgeUrlOutcome(publicUrl, false, $"The edge did not answer {method} within {Settings.Timeout}.", Retryable: true);
        }
        catch (HttpRequestException ex)
        {
            return new CdnPurgeUrlOutcome(publicUrl, false, $"The edge could not be reached: {ex.Message}", Retryable: true);
        }
    }

    /// <summary>2xx: purged. 5xx, 408 and 429: the edge may take it later. Any other answer (405: PURGE not allowed) needs a person.</summary>
    private static CdnPurgeUrlOutcome Outcome(string url, HttpMethod method, HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => new CdnPurgeUrlOutcome(url, true),
        >= 500 or 408 or 429 => new CdnPurgeUrlOutcome(url, false, $"The edge answered {method} with {(int)status} {status}.", Retryable: true),
        _ => new CdnPurgeUrlOutcome(url, false, $"The edge refused {method} with {(int)status} {status}; check that its VCL allows {method} from MediaAdmin."),
    };
}
