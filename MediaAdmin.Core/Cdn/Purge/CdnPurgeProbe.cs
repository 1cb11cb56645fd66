using MediaAdmin.Core.Cdn.UrlAuth;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>What one public URL answered a HEAD with: its status, or why it did not answer.</summary>
internal sealed record CdnProbeAnswer(string Url, int? Status, string? Error);

/// <summary>
/// Asks the public CDN URLs with <c>HEAD</c>, a few at a time and each within a timeout, as any viewer would reach
/// them: redirects are answers, not followed. With URL authentication on, each URL is signed as the console signs
/// the URLs it hands out, or an edge checking the key would answer 403 to everything, deleted or not.
/// </summary>
internal sealed class CdnPurgeProbe(IHttpClientFactory clients, IOptions<CdnPurgeOptions> options, CdnUrlSigner signer)
{
    public const string ClientName = "CdnPurgeProbe";

    public async Task<IReadOnlyList<CdnProbeAnswer>> HeadAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var answers = new CdnProbeAnswer[urls.Count];
        var client = clients.CreateClient(ClientName);
        var settings = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ProbeConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), settings, async (i, ct) => answers[i] = await HeadAsync(client, urls[i], ct));
        return answers;
    }

    private async Task<CdnProbeAnswer> HeadAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, signer.Sign(url));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new CdnProbeAnswer(url, (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CdnProbeAnswer(url, null, $"no answer within {options.Value.ProbeTimeout}");
        }
        catch (HttpRequestException ex)
        {
            return new CdnProbeAnswer(url, null, ex.Message);
        }
    }
}
