"""The mediation models, moved here from the councils app. Their tables keep their names (`db_table`), so this
migration only records them in this app's state, and relabels their content types."""

import datetime
import django.core.validators
import django.db.models.deletion
import registry.languages
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = (
    "mediationoffice",
    "mediator",
    "mediationcase",
    "casenote",
    "historicalmediationoffice",
    "historicalmediator",
    "historicalmediationcase",
    "historicalmediationcase_mediators",
    "historicalcasenote",
)


def move_content_types(apps, schema_editor, source="councils", target="mediation"):
    """Permissions and admin log entries point at content types: relabel them rather than letting new ones appear."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED_MODELS:
        if not ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            ContentType.objects.using(db).filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="mediation", target="councils")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('assembly', '0002_registry'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('councils', '0003_mediation_moves_to_its_own_app'),
        ('regions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MediationCase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('reference_number', models.CharField(blank=True, help_text='Left empty, it is given as REGION/YEAR/NUMBER.', max_length=40, unique=True, verbose_name='reference number')),
                        ('received_on', models.DateField(default=datetime.date.today, verbose_name='received on')),
                        ('category', models.CharField(choices=[('family', 'family'), ('neighbours', 'neighbours'), ('land_property', 'land and property'), ('labour', 'labour'), ('interethnic', 'interethnic'), ('religious', 'religious'), ('other', 'other')], db_index=True, max_length=20, verbose_name='category')),
                        ('parties_count', models.PositiveSmallIntegerField(default=2, validators=[django.core.validators.MinValueValidator(2)], verbose_name='number of parties')),
                        ('languages', registry.languages.LanguageListField(blank=True, default=list, max_length=100, verbose_name='languages')),
                        ('status', models.CharField(choices=[('received', 'received'), ('in_mediation', 'in mediation'), ('agreement', 'agreement reached'), ('no_agreement', 'no agreement'), ('referred_to_court', 'referred to court'), ('withdrawn', 'withdrawn')], db_index=True, default='received', max_length=20, verbose_name='status')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='closed on')),
                        ('outcome_summary', models.TextField(blank=True, verbose_name='outcome summary')),
                    ],
                    options={
                        'verbose_name': 'mediation case',
                        'verbose_name_plural': 'mediation cases',
                        'db_table': 'councils_mediationcase',
                        'ordering': ['-received_on', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='MediationOffice',
                    fields=[
                        ('body_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='assembly.body')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address of the office')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='office phone')),
                    ],
                    options={
                        'verbose_name': 'mediation office',
                        'verbose_name_plural': 'mediation offices',
                        'db_table': 'councils_mediationoffice',
                        'ordering': ['level', 'region_id', 'name_en'],
                    },
                    bases=('assembly.body',),
                ),
                migrations.CreateModel(
                    name='HistoricalMediationCase',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('request_id', models.CharField(blank=True, db_index=True, max_length=64, verbose_name='request id')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('reference_number', models.CharField(blank=True, db_index=True, help_text='Left empty, it is given as REGION/YEAR/NUMBER.', max_length=40, verbose_name='reference number')),
                        ('received_on', models.DateField(default=datetime.date.today, verbose_name='received on')),
                        ('category', models.CharField(choices=[('family', 'family'), ('neighbours', 'neighbours'), ('land_property', 'land and property'), ('labour', 'labour'), ('interethnic', 'interethnic'), ('religious', 'religious'), ('other', 'other')], db_index=True, max_length=20, verbose_name='category')),
                        ('parties_count', models.PositiveSmallIntegerField(default=2, validators=[django.core.validators.MinValueValidator(2)], verbose_name='number of parties')),
                        ('languages', registry.languages.LanguageListField(blank=True, default=list, max_length=100, verbose_name='languages')),
                        ('status', models.CharField(choices=[('received', 'received'), ('in_mediation', 'in mediation'), ('agreement', 'agreement reached'), ('no_agreement', 'no agreement'), ('referred_to_court', 'referred to court'), ('withdrawn', 'withdrawn')], db_index=True, default='received', max_length=20, verbose_name='status')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='closed on')),
                        ('outcome_summary', models.TextField(blank=True, verbose_name='outcome summary')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('office', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mediation.mediationoffice', verbose_name='mediation office')),
                    ],
                    options={
                        'verbose_name': 'historical mediation case',
                        'verbose_name_plural': 'historical mediation cases',
                        'db_table': 'councils_historicalmediationcase',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalMediationOffice',
                    fields=[
                        ('body_ptr', models.ForeignKey(auto_created=True, blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, parent_link=True, related_name='+', to='assembly.body')),
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('request_id', models.CharField(blank=True, db_index=True, max_length=64, verbose_name='request id')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('name_kk', models.CharField(max_length=255, verbose_name='name (Kazakh)')),
                        ('name_ru', models.CharField(max_length=255, verbose_name='name (Russian)')),
                        ('name_en', models.CharField(max_length=255, verbose_name='name (English)')),
                        ('kind', models.CharField(choices=[('national_assembly', 'national Assembly'), ('regional_assembly', 'regional assembly'), ('council_of_assembly', 'Council of the Assembly'), ('secretariat', 'Secretariat'), ('public_accord', 'Public Accord institution'), ('parliamentary_group', 'inter-chamber parliamentary group'), ('kurultai', 'National Kurultai'), ('parliament_chamber', 'chamber of Parliament'), ('ethnocultural_association', 'ethnocultural association'), ('public_association', 'public association'), ('house_of_friendship', 'House of Friendship'), ('council_of_mothers', 'Council of Mothers'), ('council_of_elders', 'Council of Elders'), ('youth_assembly', 'Assembly of Youth or one of its wings'), ('expert_council', 'Scientific-Expert Council'), ('university_department', 'university department of the Assembly'), ('journalists_club', "Journalists' Club"), ('mediation_office', 'mediation office'), ('state_body', 'state body'), ('other', 'other')], db_index=True, max_length=40, verbose_name='kind')),
                        ('level', models.CharField(choices=[('republican', 'republican'), ('regional', 'regional'), ('district', 'district'), ('local', 'local')], default='republican', max_length=20, verbose_name='level')),
                        ('status', models.CharField(choices=[('planned', 'planned'), ('under_construction', 'under construction'), ('registered', 'registered'), ('active', 'active'), ('operating', 'operating'), ('suspended', 'suspended'), ('reorganised', 'reorganised'), ('liquidated', 'liquidated'), ('closed', 'closed'), ('dissolved', 'dissolved')], default='active', max_length=20, verbose_name='status')),
                        ('founded_on', models.DateField(blank=True, null=True, verbose_name='founded on')),
                        ('dissolved_on', models.DateField(blank=True, null=True, verbose_name='dissolved on')),
                        ('description_kk', models.TextField(blank=True, verbose_name='description (Kazakh)')),
                        ('description_ru', models.TextField(blank=True, verbose_name='description (Russian)')),
                        ('description_en', models.TextField(blank=True, verbose_name='description (English)')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address of the office')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='office phone')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('district', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.district', verbose_name='district')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('parent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assembly.body', verbose_name='parent body')),
                        ('region', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.region', verbose_name='region')),
                        ('successor', models.ForeignKey(blank=True, db_constraint=False, help_text='The body that took over when this one was reorganised.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assembly.body', verbose_name='successor')),
                    ],
                    options={
                        'verbose_name': 'historical mediation office',
                        'verbose_name_plural': 'historical mediation offices',
                        'db_table': 'councils_historicalmediationoffice',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalCaseNote',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('request_id', models.CharField(blank=True, db_index=True, max_length=64, verbose_name='request id')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('written_on', models.DateField(default=datetime.date.today, verbose_name='date')),
                        ('text', models.TextField(verbose_name='note')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('case', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mediation.mediationcase', verbose_name='case')),
                    ],
                    options={
                        'verbose_name': 'historical case note',
                        'verbose_name_plural': 'historical case notes',
                        'db_table': 'councils_historicalcasenote',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='CaseNote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('written_on', models.DateField(default=datetime.date.today, verbose_name='date')),
                        ('text', models.TextField(verbose_name='note')),
                        ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='case_notes', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notes', to='mediation.mediationcase', verbose_name='case')),
                    ],
                    options={
                        'verbose_name': 'case note',
                        'verbose_name_plural': 'case notes',
                        'db_table': 'councils_casenote',
                        'ordering': ['written_on', 'id'],
                    },
                ),
                migrations.AddField(
                    model_name='mediationcase',
                    name='office',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='mediation.mediationoffice', verbose_name='mediation office'),
                ),
                migrations.CreateModel(
                    name='HistoricalMediator',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('request_id', models.CharField(blank=True, db_index=True, max_length=64, verbose_name='request id')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('certified_on', models.DateField(blank=True, null=True, verbose_name='certified on')),
                        ('languages', registry.languages.LanguageListField(blank=True, default=list, max_length=100, verbose_name='languages')),
                        ('is_head', models.BooleanField(default=False, verbose_name='head of the office')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assembly.person', verbose_name='person')),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, help_text='The account the mediator signs in with (role: mediator).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='portal user')),
                        ('office', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mediation.mediationoffice', verbose_name='mediation office')),
                    ],
                    options={
                        'verbose_name': 'historical mediator',
                        'verbose_name_plural': 'historical mediators',
                        'db_table': 'councils_historicalmediator',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Mediator',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated at')),
                        ('archived_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='archived at')),
                        ('certified_on', models.DateField(blank=True, null=True, verbose_name='certified on')),
                        ('languages', registry.languages.LanguageListField(blank=True, default=list, max_length=100, verbose_name='languages')),
                        ('is_head', models.BooleanField(default=False, verbose_name='head of the office')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('office', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='mediators', to='mediation.mediationoffice', verbose_name='mediation office')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='mediator_posts', to='assembly.person', verbose_name='person')),
                        ('user', models.OneToOneField(blank=True, help_text='The account the mediator signs in with (role: mediator).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='mediator', to=settings.AUTH_USER_MODEL, verbose_name='portal user')),
                    ],
                    options={
                        'verbose_name': 'mediator',
                        'verbose_name_plural': 'mediators',
                        'db_table': 'councils_mediator',
                        'ordering': ['office_id', '-is_head', 'person__surname', 'person__given_name'],
                    },
                ),
                migrations.AddField(
                    model_name='mediationcase',
                    name='mediators',
                    field=models.ManyToManyField(blank=True, related_name='cases', to='mediation.mediator', verbose_name='assigned mediators'),
                ),
                migrations.CreateModel(
                    name='HistoricalMediationCase_mediators',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='mediation.historicalmediationcase')),
                        ('mediationcase', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mediation.mediationcase')),
                        ('mediator', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mediation.mediator')),
                    ],
                    options={
                        'verbose_name': 'HistoricalMediationCase_mediators',
                        'db_table': 'councils_historicalmediationcase_mediators',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='mediator',
                    constraint=models.UniqueConstraint(fields=('person', 'office'), name='mediator_unique_person_per_office'),
                ),
                migrations.AddIndex(
                    model_name='mediationcase',
                    index=models.Index(fields=['office', 'status', 'received_on'], name='councils_me_office__4f18d5_idx'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
