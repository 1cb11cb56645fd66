using System.Net;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Security;

/// <summary>Stops start-up on a proxy setting that is not an address or a network, naming the setting and the value.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ForwardedHeadersSettings.Section}:{nameof(options.KnownProxies)}: '{p}' is not an IP address (such as 10.0.0.5 or fd00::5).")
            .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"{ForwardedHeadersSettings.Section}:{nameof(options.KnownNetworks)}: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8), with no bits set past its prefix."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
