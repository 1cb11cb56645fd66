using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// Stops start-up on <c>AlibabaVod</c> settings that cannot work, naming the setting, but only when
/// <c>Library:Source</c> is <c>AlibabaVod</c>: the local library never reads them. Messages never quote a secret.
/// </summary>
internal sealed class AlibabaVodSourceOptionsValidator(IConfiguration configuration) : IValidateOptions<AlibabaVodSourceOptions>
{
    private const string Prefix = AlibabaVodSourceOptions.Section + ":";

    private const int MaxRetentionDays = 3650;

    private static readonly TimeSpan MinCallbackApplyTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MaxCallbackApplyTimeout = TimeSpan.FromSeconds(4.5);

    public ValidateOptionsResult Validate(string? name, AlibabaVodSourceOptions options)
    {
        if (!LibrarySourceSetting.IsAlibabaVod(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var problems = ProblemsWith(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> ProblemsWith(AlibabaVodSourceOptions options)
    {
        if (!IsHttpUrl(options.Endpoint))
        {
            yield return $"{Prefix}Endpoint is '{options.Endpoint}'; it must be an absolute http(s) URL such as https://vod.cn-shanghai.aliyuncs.com.";
        }

        if (string.IsNullOrWhiteSpace(options.RegionId))
        {
            yield return $"{Prefix}RegionId is not set; set it to the account's VOD region, e.g. cn-shanghai.";
        }

        foreach (var (setting, value) in new[]
        {
            ("AccessKeyId", options.AccessKeyId), ("AccessKeySecret", options.AccessKeySecret), ("CallbackPrivateKey", options.CallbackPrivateKey),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Prefix}{setting} is not set; set it in configuration or in the environment variable AlibabaVod__{setting}.";
            }
        }

        if (!string.IsNullOrEmpty(options.CallbackUrl) && !IsHttpUrl(options.CallbackUrl))
        {
            yield return $"{Prefix}CallbackUrl is '{options.CallbackUrl}'; it must be empty or the absolute http(s) URL configured in the VOD console.";
        }

        if (options.SyncRequestsPerSecond is < 1 or > AlibabaVodSourceOptions.MaxSyncRequestsPerSecond)
        {
            yield return $"{Prefix}SyncRequestsPerSecond is {options.SyncRequestsPerSecond}; it must be between 1 and {AlibabaVodSourceOptions.MaxSyncRequestsPerSecond} (Alibaba's limit per account).";
        }

        if (options.IncrementalSyncInterval < TimeSpan.FromSeconds(1))
        {
            yield return $"{Prefix}IncrementalSyncInterval is {options.IncrementalSyncInterval}; it must be at least 00:00:01.";
        }

        if (options.FullSyncInterval < TimeSpan.Zero)
        {
            yield return $"{Prefix}FullSyncInterval is {options.FullSyncInterval}; it must be zero (only on demand) or positive.";
        }

        if (options.CallbackMaxAge < TimeSpan.FromSeconds(10))
        {
            yield return $"{Prefix}CallbackMaxAge is {options.CallbackMaxAge}; it must be at least 00:00:10.";
        }

        if (options.CallbackApplyTimeout < MinCallbackApplyTimeout || options.CallbackApplyTimeout > MaxCallbackApplyTimeout)
        {
            yield return $"{Prefix}CallbackApplyTimeout is {options.CallbackApplyTimeout}; it must be between 00:00:00.100 and 00:00:04.500, below the 5 seconds ApsaraVideo VOD waits for an answer.";
        }

        if (options.HistoryRetentionDays is < 1 or > MaxRetentionDays)
        {
            yield return $"{Prefix}HistoryRetentionDays is {options.HistoryRetentionDays}; it must be between 1 and {MaxRetentionDays}.";
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
