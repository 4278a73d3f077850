# Former names and posts take the start_date/end_date of every other dated registry; the columns are renamed,
# so no date is lost.

from django.db import migrations, models


def rename(model_name, old_name, new_name):
    return migrations.RenameField(model_name=model_name, old_name=old_name, new_name=new_name)


class Migration(migrations.Migration):

    dependencies = [
        ('assembly', '0002_registry'),
    ]

    operations = [
        rename('bodyname', 'valid_from', 'start_date'),
        rename('bodyname', 'valid_until', 'end_date'),
        rename('historicalbodyname', 'valid_from', 'start_date'),
        rename('historicalbodyname', 'valid_until', 'end_date'),
        rename('post', 'valid_from', 'start_date'),
        rename('post', 'valid_to', 'end_date'),
        rename('historicalpost', 'valid_from', 'start_date'),
        rename('historicalpost', 'valid_to', 'end_date'),
        migrations.AlterField(
            model_name='post',
            name='end_date',
            field=models.DateField(blank=True, null=True, verbose_name='valid until'),
        ),
        migrations.AlterField(
            model_name='historicalpost',
            name='end_date',
            field=models.DateField(blank=True, null=True, verbose_name='valid until'),
        ),
        migrations.AlterModelOptions(
            name='bodyname',
            options={'ordering': ['body_id', 'start_date'], 'verbose_name': 'former name', 'verbose_name_plural': 'former names'},
        ),
        migrations.AlterModelOptions(
            name='post',
            options={'ordering': ['body_id', 'role', 'start_date'], 'verbose_name': 'post', 'verbose_name_plural': 'posts'},
        ),
    ]
