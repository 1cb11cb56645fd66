using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Security;

/// <summary>
/// The proxies (addresses or CIDR networks) whose X-Forwarded-For and X-Forwarded-Proto are believed. With
/// none, the headers are ignored: anyone could otherwise claim any address or https.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];

    public bool IsBehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Trusts exactly the configured proxies, replacing the framework's loopback defaults.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
