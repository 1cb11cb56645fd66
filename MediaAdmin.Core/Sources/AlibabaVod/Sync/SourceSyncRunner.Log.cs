using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>What a sync run logs.</summary>
public sealed partial class SourceSyncRunner
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sync run {RunId} ({Kind}) succeeded: {Seen} listed, {Added} added, {Updated} updated, {Removed} removed")]
    private static partial void LogSucceeded(ILogger logger, long runId, SourceSyncKind kind, int seen, int added, int updated, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId} ({Kind}) failed; the mirror keeps what it had: {Error}")]
    private static partial void LogFailed(ILogger logger, long runId, SourceSyncKind kind, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync run {RunId}: Alibaba refused the stored ScrollToken ({Error}); the traversal starts over in the same run")]
    private static partial void LogTokenRefused(ILogger logger, long runId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId}: page {PageNo} of {SearchType} could not be written to the mirror; the run fails")]
    private static partial void LogPageRefused(ILogger logger, long runId, string searchType, int pageNo, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId} was taken over by another instance; this one stops")]
    private static partial void LogTakenOver(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId}: recording late remote deletions or pruning old removals failed; the next run tries again")]
    private static partial void LogTidyFailed(ILogger logger, long runId, Exception error);
}
