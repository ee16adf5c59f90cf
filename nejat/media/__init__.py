"""Images and videos as every section uploads and shows them: uploads checked by
their content and size, image renditions, video files, embeds and players."""
