using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// Stops start-up on <c>Cdn:Purge:AlibabaVod</c> settings that cannot work, naming the setting, but only when
/// <c>Cdn:Purge:Provider</c> is <c>AlibabaVod</c>: other providers never read them. Messages never quote a secret.
/// </summary>
internal sealed class AlibabaVodPurgeOptionsValidator(IConfiguration configuration) : IValidateOptions<AlibabaVodPurgeOptions>
{
    private const string Prefix = AlibabaVodPurgeOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, AlibabaVodPurgeOptions options)
    {
        // Read the way the options binder reads the enum, so "alibabavod" and "2" count too.
        if (!Enum.TryParse<CdnPurgeProviderKind>(configuration["Cdn:Purge:Provider"], ignoreCase: true, out var provider)
            || provider != CdnPurgeProviderKind.AlibabaVod)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = ProblemsWith(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> ProblemsWith(AlibabaVodPurgeOptions options)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return $"{Prefix}Endpoint is '{options.Endpoint}'; it must be an absolute http(s) URL such as https://vod.cn-shanghai.aliyuncs.com.";
        }

        if (string.IsNullOrWhiteSpace(options.RegionId))
        {
            yield return $"{Prefix}RegionId is empty; set it to the VOD region, e.g. cn-shanghai.";
        }

        foreach (var (setting, value) in new[] { ("AccessKeyId", options.AccessKeyId), ("AccessKeySecret", options.AccessKeySecret) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Prefix}{setting} is not set; set it in configuration or in the environment variable Cdn__Purge__AlibabaVod__{setting}.";
            }
        }

        if (options.UrlsPerCall is < 1 or > AlibabaVodPurgeOptions.MaxUrlsPerCall)
        {
            yield return $"{Prefix}UrlsPerCall is {options.UrlsPerCall}; it must be between 1 and {AlibabaVodPurgeOptions.MaxUrlsPerCall}.";
        }

        if (options.DirectoriesPerCall is < 1 or > AlibabaVodPurgeOptions.MaxDirectoriesPerCall)
        {
            yield return $"{Prefix}DirectoriesPerCall is {options.DirectoriesPerCall}; it must be between 1 and {AlibabaVodPurgeOptions.MaxDirectoriesPerCall}.";
        }
    }
}
