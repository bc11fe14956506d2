namespace Rayswarm.Runtime.Abstractions;

/// <summary>Marker for grain interfaces. Every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;

/// <summary>A grain interface whose grains are keyed by strings.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain interface whose grains are keyed by Guids.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain interface whose grains are keyed by 64-bit integers.</summary>
public interface IGrainWithIntegerKey : IGrain;
