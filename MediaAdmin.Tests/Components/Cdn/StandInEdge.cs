using System.Net;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Cdn.Purge.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>
/// An edge inside the test process for pages that only need a purge to move: it takes every PURGE and BAN, and
/// its public URLs answer HEAD with 404 once purged or 200 while <see cref="ServesDeletedFiles"/>. The real Http
/// provider, worker and probe talk to it through their own named HTTP clients.
/// </summary>
public sealed class StandInEdge
{
    private int _purges;

    /// <summary>The edge keeps serving what was deleted, so the probe never verifies.</summary>
    public bool ServesDeletedFiles { get; set; }

    public int Purges => _purges;

    /// <summary>Provider Http, not automatic, and a worker quick enough for a test.</summary>
    public static Dictionary<string, string?> Settings(bool automatic = false) => new()
    {
        ["Cdn:Purge:Provider"] = "Http",
        ["Cdn:Purge:Automatic"] = automatic ? "true" : "false",
        ["Cdn:Purge:Http:EdgeUrl"] = "http://edge.example.test:6081",
        ["Cdn:Purge:WorkerPollInterval"] = "00:00:00.050",
        ["Cdn:Purge:ProbeInterval"] = "00:00:00.050",
        ["Cdn:Purge:RetryBaseDelay"] = "00:00:00",
        ["Cdn:Purge:VerifyFor"] = "00:00:00.300",
    };

    /// <summary>
    /// Points the Http provider's and the probe's clients at this edge. Post-configured, because the web host
    /// registers Core (and the probe's own handler) after the test's services.
    /// </summary>
    public void Register(IServiceCollection services)
    {
        foreach (var client in new[] { HttpCdnPurgeProvider.ClientName, CdnPurgeProbe.ClientName })
        {
            services.PostConfigure<HttpClientFactoryOptions>(client, options => options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = new Handler(this)));
        }
    }

    private HttpStatusCode Answer(HttpMethod method)
    {
        if (method == HttpMethod.Head)
        {
            return ServesDeletedFiles ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        }

        Interlocked.Increment(ref _purges);
        return HttpStatusCode.OK;
    }

    private sealed class Handler(StandInEdge edge) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(edge.Answer(request.Method)) { RequestMessage = request });
    }
}
