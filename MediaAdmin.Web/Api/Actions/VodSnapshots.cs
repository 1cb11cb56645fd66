namespace MediaAdmin.Web.Api.Actions;

/// <summary>Alibaba's wrapper around a video's snapshot URLs: <c>"Snapshots": {"Snapshot": [...]}</c>.</summary>
internal sealed record VodSnapshots(IReadOnlyList<string> Snapshot);
