namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Signs each attempt of a VOD call as it leaves: it sits inside the resilience pipeline, so a retry goes out with
/// its own nonce and timestamp instead of replaying the first attempt's, which Alibaba would refuse.
/// </summary>
internal sealed class VodSigningHandler(TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(VodSignedRequest.CallKey, out var call))
        {
            request.Content?.Dispose();
            request.Content = VodSignedRequest.SignedBody(call, time.GetUtcNow());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
