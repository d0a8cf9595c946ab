namespace TraceExplorer.Web.Model;

/// <summary>One column of the runs list: its stored key, its name in the column chooser, and whether it shows by default.</summary>
public sealed record RunColumnDefinition(RunColumn Column, string Key, string Label, bool ShownByDefault);
