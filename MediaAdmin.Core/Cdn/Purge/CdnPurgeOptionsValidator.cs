using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Stops start-up on purge settings that cannot work, with a message naming the setting to fix.</summary>
internal sealed class CdnPurgeOptionsValidator : IValidateOptions<CdnPurgeOptions>
{
    public ValidateOptionsResult Validate(string? name, CdnPurgeOptions options) =>
        ProblemWith(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private static string? ProblemWith(CdnPurgeOptions options) => options.ProviderKind switch
    {
        null => $"Cdn:Purge:Provider is '{options.Provider}'; it must be 'None', 'Http' or 'AlibabaVod'.",
        CdnPurgeProviderKind.Http when string.IsNullOrWhiteSpace(options.Http.EdgeUrl) =>
            "Cdn:Purge:Provider is Http but Cdn:Purge:Http:EdgeUrl is not set: set it to the edge's address, e.g. http://varnish:6081.",
        CdnPurgeProviderKind.Http when !IsAbsoluteHttpUrl(options.Http.EdgeUrl!) =>
            $"Cdn:Purge:Http:EdgeUrl is '{options.Http.EdgeUrl}'; it must be an absolute http or https URL, e.g. http://varnish:6081.",
        CdnPurgeProviderKind.Http when options.Http.Timeout < TimeSpan.FromMilliseconds(100) || options.Http.Timeout > TimeSpan.FromMinutes(5) =>
            $"Cdn:Purge:Http:Timeout is {options.Http.Timeout}; it must be between 00:00:00.1 and 00:05:00.",
        _ => null,
    };

    private static bool IsAbsoluteHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
