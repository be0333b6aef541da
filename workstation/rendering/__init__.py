"""Pages as they looked: offline rendering of captured pages from the case's own bytes."""
