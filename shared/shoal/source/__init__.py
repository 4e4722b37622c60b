"""Getting a repository's source into the workspace: acquisition, git export, local copies, the repository cache, changes and the inventory."""
