using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MediaAdmin.Core.Instances;

/// <summary>Stops start-up on notification settings that cannot work, with a message naming the setting to fix.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options) =>
        ProblemWith(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private static string? ProblemWith(NotificationOptions options)
    {
        if (options.PollInterval <= TimeSpan.Zero)
        {
            return $"{NotificationOptions.Section}:PollInterval is {options.PollInterval}; it must be a positive time span such as 00:00:02.";
        }

        if (options.CatchUpInterval <= TimeSpan.Zero)
        {
            return $"{NotificationOptions.Section}:CatchUpInterval is {options.CatchUpInterval}; it must be a positive time span such as 00:00:30.";
        }

        return options.UsesRedis ? RedisProblem(options.Redis!) : null;
    }

    private static string? RedisProblem(string configuration)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(configuration);
            return parsed.EndPoints.Count == 0
                ? $"{NotificationOptions.Section}:Redis names no server; give host:port, e.g. 'redis.internal:6379'."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"{NotificationOptions.Section}:Redis is not a valid StackExchange.Redis configuration string: {ex.Message}";
        }
    }
}
